package dev.rolectl.engine.api;

import dev.rolectl.engine.live.ApiStats;
import java.time.Duration;

/**
 * What it cost to plan (or apply in) one account.
 *
 * @param stats its API calls, the AssumeRole included
 * @param elapsed wall time of its work
 */
public record AccountCost(String accountId, ApiStats stats, Duration elapsed) {}
