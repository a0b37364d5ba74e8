package cn.wenzhou.renovation.toy;

/** The toy capability's fact: a building by its number of storeys. */
public record Building(int storeys) {}
