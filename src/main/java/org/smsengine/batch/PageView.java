package org.smsengine.batch;

import java.util.List;

/** One page of a listing: {@code {"items": [...], "page": 0, "size": 20, "total": 137}}. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
