package dev.argogke.workflows.cron;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Schedules in words for `status` and lint messages: "at 06:30 on Monday to Friday". */
final class CronDescription {
    private CronDescription() {
    }

    static String of(CronSchedule.Spec s) {
        String time = time(s.minute(), s.hour());
        String days = days(s);
        if (days.equals("every day") && time.startsWith("every")) {
            return time;
        }
        return time + " " + days;
    }

    private static String time(FieldSet minute, FieldSet hour) {
        List<Integer> minutes = minute.values();
        List<Integer> hours = hour.values();
        if (minutes.isEmpty() || hours.isEmpty()) {
            return "never";
        }
        boolean everyHour = hour.bits() == CronField.HOUR.allBits();
        int minuteStep = stepFromZero(minutes, 60);
        if (everyHour && minuteStep > 0) {
            return minuteStep == 1 ? "every minute" : "every " + minuteStep + " minutes";
        }
        if (minutes.size() == 1 && everyHour) {
            return "every hour at minute " + minutes.get(0);
        }
        int hourStep = stepFromZero(hours, 24);
        if (minutes.size() == 1 && hourStep > 1) {
            return "every " + hourStep + " hours at minute " + minutes.get(0);
        }
        if (minutes.size() * hours.size() <= 4) {
            List<String> clock = new ArrayList<>();
            for (int h : hours) {
                for (int m : minutes) {
                    clock.add(String.format("%02d:%02d", h, m));
                }
            }
            return "at " + join(clock);
        }
        String minutePart = minuteStep > 0
                ? (minuteStep == 1 ? "every minute" : "every " + minuteStep + " minutes")
                : "at minute" + (minutes.size() > 1 ? "s " : " ") + list(minutes, Integer::toString);
        String hourPart = everyHour ? "" : " past hour" + (hours.size() > 1 ? "s " : " ") + list(hours, Integer::toString);
        if (minuteStep > 0 && !everyHour) {
            hourPart = " during hour" + (hours.size() > 1 ? "s " : " ") + list(hours, Integer::toString);
        }
        return minutePart + hourPart;
    }

    private static String days(CronSchedule.Spec s) {
        FieldSet dom = s.dayOfMonth();
        FieldSet dow = s.dayOfWeek();
        boolean allDom = dom.bits() == CronField.DAY_OF_MONTH.allBits();
        boolean allDow = dow.bits() == CronField.DAY_OF_WEEK.allBits();
        String domText = "on day" + (dom.values().size() > 1 ? "s " : " ")
                + list(dom.values(), Integer::toString) + " of the month";
        String dowText = "on " + list(dow.values(), CronField.DAY_OF_WEEK::display);
        String days;
        if (dom.star() || dow.star()) {
            // both must match (robfig dayMatches)
            if (allDom && allDow) {
                days = "every day";
            } else if (allDom) {
                days = dowText;
            } else if (allDow) {
                days = domText;
            } else {
                days = domText + " if it is " + list(dow.values(), CronField.DAY_OF_WEEK::display);
            }
        } else if (allDom || allDow) {
            days = "every day";
        } else {
            days = domText + " or " + dowText;
        }
        if (s.month().bits() != CronField.MONTH.allBits()) {
            days += " in " + list(s.month().values(), CronField.MONTH::display);
        }
        return days;
    }

    /** The step n if the values are exactly 0, n, 2n, ... up to the field's end, else 0. */
    private static int stepFromZero(List<Integer> values, int size) {
        if (values.isEmpty() || values.get(0) != 0) {
            return 0;
        }
        int step = values.size() > 1 ? values.get(1) : size;
        if (step >= size) {
            return 0;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != i * step) {
                return 0;
            }
        }
        return values.size() == (size + step - 1) / step ? step : 0;
    }

    /** "Monday to Friday", "1, 15 and 28", "January, April and July". */
    private static String list(List<Integer> values, IntFunction<String> name) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < values.size()) {
            int j = i;
            while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(name.apply(values.get(i)) + " to " + name.apply(values.get(j)));
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(name.apply(values.get(k)));
                }
            }
            i = j + 1;
        }
        return join(parts);
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
