package cn.wenzhou.renovation.approval;

/** The approval and acceptance steps guide §4 speaks of, in the order a project meets them. */
public enum ApprovalStep {
    ONLINE_REGISTRATION("在浙江政务服务网工程建设项目审批管理系统申请项目赋码并全流程在线办理"),
    JOINT_CONSULTATION("前期联合会商"),
    PROJECT_PROPOSAL("项目建议书"),
    FEASIBILITY_STUDY("可行性研究报告"),
    PRELIMINARY_DESIGN("初步设计"),
    LAND_USE_PLANNING_PERMIT("建设用地规划许可证"),
    CONSTRUCTION_PLANNING_PERMIT("建设工程规划许可证"),
    CONSTRUCTION_DRAWING_REVIEW("施工图审查"),
    CONSTRUCTION_PERMIT("建筑工程施工许可证"),
    SAFETY_PROCEDURES("消防、结构、抗震等安全相关手续"),
    EXPERT_REVIEW("专家论证（无法满足现有标准时）"),
    FIRE_INSPECTION("竣工验收消防查验"),
    COMPLETION_ACCEPTANCE("竣工验收"),
    COMPLETION_PLANNING_VERIFICATION("建设工程竣工规划核实"),
    COMPLETION_FILING("竣工验收备案");

    private final String label;

    ApprovalStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
