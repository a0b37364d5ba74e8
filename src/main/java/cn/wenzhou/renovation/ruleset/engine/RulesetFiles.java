package cn.wenzhou.renovation.ruleset.engine;

import java.util.Comparator;
import java.util.List;

/** What identifies a set of rule files: the content hash of the files in path order. */
public final class RulesetFiles {

    private RulesetFiles() {}

    /** The same files give the same hash whatever order they are listed in; one changed byte gives another. */
    public static String contentHash(List<RuleFile> files) {
        return RulesetCompiler.contentHash(
                files.stream().sorted(Comparator.comparing(RuleFile::path)).toList());
    }
}
