package dev.picloud.kv.boundary;

import java.util.List;

/** A page of keys for the admin API: {@code {keys, next_cursor}}; the cursor absent at the end. */
public record KvKeysView(List<String> keys, String nextCursor) {}
