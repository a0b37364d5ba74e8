/**
 * The shared kernel: what every module may use and that uses no module of ours. Exact shares and
 * decimals, field errors, RFC 7807 problems (a module's refusal carries its own,
 * {@link cn.wenzhou.renovation.kernel.ProblemException}), and the masking of residents' personal data.
 */
package cn.wenzhou.renovation.kernel;
