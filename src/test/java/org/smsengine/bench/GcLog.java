package org.smsengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the child JVM's unified GC log ({@code -Xlog:gc}): each pause line says heap used before
 * and after, e.g. {@code Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(512M)}. The largest
 * "before" is the peak heap used; the largest "after" is the peak live data. Read from a line on
 * ({@link #lines} before a phase), they are the peaks of that phase alone.
 */
record GcLog(long peakUsedMb, long peakAfterGcMb, long heapMb, int pauses) {

    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    static GcLog read(Path file) throws IOException {
        return read(file, 0);
    }

    /** The lines written so far: where a phase that starts now begins. */
    static int lines(Path file) throws IOException {
        return Files.readAllLines(file).size();
    }

    /** The peaks of the pauses from line {@code from} on. */
    static GcLog read(Path file, int from) throws IOException {
        long peakUsed = 0;
        long peakAfter = 0;
        long heap = 0;
        int pauses = 0;
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                pauses++;
                peakUsed = Math.max(peakUsed, Long.parseLong(m.group(1)));
                peakAfter = Math.max(peakAfter, Long.parseLong(m.group(2)));
                heap = Math.max(heap, Long.parseLong(m.group(3)));
            }
        }
        return new GcLog(peakUsed, peakAfter, heap, pauses);
    }
}
