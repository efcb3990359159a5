package io.streamdesk.ui.monitoring;

import java.util.Locale;

/** Short axis and tooltip labels: 1.2 MiB, 3.4k, 250 ms, 12 %. */
final class ValueFormat {
    private ValueFormat() {
    }

    static String format(double v, String unit) {
        if (Double.isNaN(v)) {
            return "—";
        }
        String u = unit == null ? "" : unit;
        if (u.startsWith("bytes")) {
            String rest = u.substring(5);
            return bytes(v) + rest;
        }
        if (u.equals("ms") && Math.abs(v) >= 1000) {
            double seconds = v / 1000;
            if (Math.abs(seconds) >= 7200) {
                return number(seconds / 3600) + " h";
            }
            if (Math.abs(seconds) >= 120) {
                return number(seconds / 60) + " min";
            }
            return number(seconds) + " s";
        }
        String n = number(v);
        return u.isEmpty() ? n : n + " " + u;
    }

    static String bytes(double v) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        double x = v;
        while (Math.abs(x) >= 1024 && i < units.length - 1) {
            x /= 1024;
            i++;
        }
        return trim(x) + " " + units[i];
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        double a = Math.abs(v);
        String s = a >= 100 || a == Math.rint(a) ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return s;
    }
}
