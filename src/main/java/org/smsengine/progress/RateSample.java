package org.smsengine.progress;

import java.util.Optional;

/** One point of a step's history: at {@code millis}, {@code processed} items were done. Stored as {@code step|millis|processed}. */
record RateSample(String step, long millis, long processed) {

    String encode() {
        return step + "|" + millis + "|" + processed;
    }

    static Optional<RateSample> decode(String text) {
        String[] parts = text.split("\\|");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RateSample(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
