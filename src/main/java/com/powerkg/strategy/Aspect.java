package com.powerkg.strategy;

/**
 * What a strategy is about (SPEC §6): seed 002's behaviour axis (usage, interaction) and Kano demand axis (basic,
 * expected, excitement), plus fee collection (seed 004) and credit management (seed 001).
 */
public enum Aspect {

	USAGE_BEHAVIOUR, INTERACTION_BEHAVIOUR, BASIC_NEED, EXPECTED_NEED, EXCITEMENT_NEED, COLLECTION, CREDIT_MANAGEMENT

}
