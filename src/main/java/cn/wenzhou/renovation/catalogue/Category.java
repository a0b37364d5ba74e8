package cn.wenzhou.renovation.catalogue;

/** The six aspects (6大方面) of guide §2, in the guide's order. */
public enum Category {
    BUILDING("建筑"),
    ROADS_AND_PARKING("道路交通和停车"),
    PIPES_AND_COMMUNICATIONS("管网通信系统"),
    LANDSCAPE_AND_GREENING("景观绿化"),
    /** The §2 heading says 养老托育设施; its introduction says 养老托育服务设施. */
    ELDERLY_AND_CHILDCARE("养老托育设施"),
    GOVERNANCE_AND_SERVICES("社区治理和服务体系");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
