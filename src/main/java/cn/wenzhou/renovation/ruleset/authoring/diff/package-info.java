/**
 * What a county variant changes against the Wenzhou base, in the terms a policy officer uses: rows
 * of decision tables added, removed or changed (with the old and new cell values) and DRL rules added,
 * removed or changed by name. Computed from the files, so it works for a refused variant too.
 */
package cn.wenzhou.renovation.ruleset.authoring.diff;
