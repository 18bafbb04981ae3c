package org.smsengine.progress;

/**
 * How far the current step is: {@code processed} of {@code total} (null while not yet known).
 * Validation cannot know its row count before the end of the file, so its total is estimated
 * from how many bytes of the upload it has read.
 */
record StepProgress(String step, long processed, Long total, double percent) {

    static StepProgress of(ProgressSnapshot s) {
        if (s.step() == null) {
            return new StepProgress(null, 0, null, 0);
        }
        return switch (s.step()) {
            case "validation" -> validation(s);
            case "partition" -> of(s.step(), s.counts().valid(), s.counts().valid());
            case "preparation" -> of(s.step(), s.counts().prepared(), s.counts().valid());
            case "delivery", "statistics" -> of(s.step(), s.counts().sent() + s.counts().sendFailed() + s.counts().suppressed(),
                    s.counts().prepared());
            default -> new StepProgress(s.step(), 0, null, 0);
        };
    }

    private static StepProgress validation(ProgressSnapshot s) {
        if (s.uploadBytes() == 0 || s.validatedBytes() == 0) {
            return new StepProgress("validation", s.counts().rows(), null, 0);
        }
        double fraction = Math.min(1.0, (double) s.validatedBytes() / s.uploadBytes());
        long estimatedTotal = Math.max(s.counts().rows(), Math.round(s.counts().rows() / fraction));
        return new StepProgress("validation", s.counts().rows(), estimatedTotal, round(fraction * 100));
    }

    private static StepProgress of(String step, long processed, long total) {
        double percent = total == 0 ? 100 : round(100.0 * processed / total);
        return new StepProgress(step, processed, total, percent);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
