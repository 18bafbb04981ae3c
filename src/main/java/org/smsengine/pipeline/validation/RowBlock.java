package org.smsengine.pipeline.validation;

import java.util.List;

/**
 * The item of the validation step: a block of consecutive checked rows, and how far into the upload
 * it ends. Spring Batch does its per-item work (metrics, listeners, retry bookkeeping) once per
 * block instead of once per row. Blocks are cut at fixed row counts, so a restart that skips
 * {@code n} blocks lands exactly where the last commit ended.
 */
record RowBlock(List<ValidatedRow> rows, long bytesRead) {

    static final int SIZE = 1000;
}
