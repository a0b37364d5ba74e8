package cn.wenzhou.renovation.consent;

import java.util.List;

/**
 * No requirement in force for a vote on the probe's date and round asks for at least the floor the
 * law sets. {@code weaker} are the requirements that ask for the same share with a lower minimum
 * (the rows a county lowered); empty when nothing in force asks for that share at all.
 */
public record StatutoryBreach(StatutoryFloor floor, ConsentTally probe, List<ConsentRequirement> weaker) {}
