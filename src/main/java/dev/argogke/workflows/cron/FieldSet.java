package dev.argogke.workflows.cron;

import java.util.ArrayList;
import java.util.List;

/**
 * The values one field allows, as a bit set, plus robfig's "star bit": whether the field was
 * written as {@code *} or {@code ?} (optionally with step 1). The star bit decides how
 * day-of-month and day-of-week combine.
 */
record FieldSet(long bits, boolean star) {
    boolean has(int value) {
        return (bits & (1L << value)) != 0;
    }

    List<Integer> values() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            if (has(i)) {
                values.add(i);
            }
        }
        return values;
    }
}
