package cn.wenzhou.renovation.ruleset.versions;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An active version that is missing or unreadable: the startup report names the file and the two ways on. */
class ActiveVersionFailureAnalyzer extends AbstractFailureAnalyzer<ActiveVersionUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ActiveVersionUnavailableException cause) {
        return new FailureAnalysis(
                "辖区 '" + cause.jurisdiction() + "' 的启用版本不可用，服务不启动 (the active version is missing or unreadable):\n  - "
                        + cause.problem(),
                "从备份恢复上列文件或版本文件夹后重新启动；或设置 renovation.on-missing-active-version=serve-deployed，"
                        + "改用随程序部署的规则（保存为新版本，审计记为 RECOVERY）。 Restore the file named above, or set "
                        + "renovation.on-missing-active-version=serve-deployed to serve the deployed rules instead.",
                cause);
    }
}
