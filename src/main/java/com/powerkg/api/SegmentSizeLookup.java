package com.powerkg.api;

/**
 * How many customers a segment level holds in the published run: what the complexity limit charges a what-if over
 * that segment. Implemented by the segmentation capability; the plumbing only asks.
 */
public interface SegmentSizeLookup {

	/** @return customers of the level in the published run, 0 when none is published or the level is unknown */
	long customers(String dimension, String level);

}
