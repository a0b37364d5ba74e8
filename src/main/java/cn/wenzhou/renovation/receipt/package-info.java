/**
 * Decision receipts: what was asked (personal data masked), under which ruleset, and what was
 * answered, kept so that a decision can be shown later and replayed under another ruleset version.
 */
package cn.wenzhou.renovation.receipt;
