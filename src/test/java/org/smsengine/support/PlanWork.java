package org.smsengine.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The work a statement's plan did, read from {@code EXPLAIN (ANALYZE, FORMAT JSON)}: over every node,
 * the rows it produced and the rows its filters threw away, times the times it ran. A plan that reads
 * a partition, a batch or the whole table where a page was asked for, or that loops over one side once
 * per row of the other, shows here as work out of proportion to the rows the statement concerns,
 * whether it read them from disk or went over them again in memory.
 */
public record PlanWork(long rows, String plan) {

    private static final String[] DISCARDED = {"Rows Removed by Filter", "Rows Removed by Join Filter",
            "Rows Removed by Index Recheck"};

    public static PlanWork of(JsonNode explain) {
        JsonNode plan = explain.get(0).get("Plan");
        return new PlanWork(work(plan), plan.toPrettyString());
    }

    private static long work(JsonNode node) {
        double loops = node.path("Actual Loops").asDouble(1);
        double rows = node.path("Actual Rows").asDouble(0);
        for (String discarded : DISCARDED) {
            rows += node.path(discarded).asDouble(0);
        }
        long total = Math.round(rows * loops);
        for (JsonNode child : node.path("Plans")) {
            total += work(child);
        }
        return total;
    }
}
