/**
 * Rules administration for policy staff: validate uploaded decision tables and DRL in place of a
 * jurisdiction's own, activate them without restart, list kept versions and roll back. Everything
 * here is behind a login with a role (see {@code web.SecurityConfiguration}).
 */
package cn.wenzhou.renovation.administration;
