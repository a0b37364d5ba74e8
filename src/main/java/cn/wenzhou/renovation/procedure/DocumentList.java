package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The document codes a ruleset's table 各步骤所需材料 knows, read once per ruleset from its parameter rows. */
record DocumentList(Map<String, String> namesByCode) {

    public static DocumentList of(CompiledRuleset ruleset) {
        return ruleset.derived(DocumentList.class, r -> {
            Map<String, String> names = new TreeMap<>();
            r.answer(
                            ProcedureService.CAPABILITY,
                            List.of(),
                            answers -> answers.all("required documents", RequiredDocument.class))
                    .forEach(d -> names.put(d.code(), d.name()));
            return new DocumentList(Map.copyOf(names));
        });
    }

    public boolean knows(String code) {
        return namesByCode.containsKey(code);
    }
}
