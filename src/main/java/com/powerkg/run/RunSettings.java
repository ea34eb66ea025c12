package com.powerkg.run;

import java.time.Duration;

/**
 * What the run records need of the analytics settings ({@code powerkg.analytics.*}, see AnalyticsProperties).
 *
 * @param keepSupersededRuns how many runs before the published one keep their per-customer results
 * @param lease a running run beats every fifth of this; one silent for longer is taken as abandoned
 */
public record RunSettings(int keepSupersededRuns, Duration lease) {

}
