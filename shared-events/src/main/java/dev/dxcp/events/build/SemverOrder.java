package dev.dxcp.events.build;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of version lists (domain §11): <em>newest first</em>. {@code compare(a, b) < 0}
 * means {@code a} is listed before {@code b}.
 *
 * <ul>
 *   <li>major, minor, patch compare numerically;</li>
 *   <li>a release sorts above any pre-release of the same core;</li>
 *   <li>pre-release identifiers compare left to right: numeric ones below alphanumeric ones,
 *       numerics by value, alphanumerics lexically (ASCII); a shorter equal prefix sorts lower;</li>
 *   <li>strings that are not versions sort lowest;</li>
 *   <li>equal keys compare as 0, so a stable sort keeps the incoming (newest registration first) order.</li>
 * </ul>
 *
 * Stateless and thread-safe; share {@link #NEWEST_FIRST}.
 */
public final class SemverOrder implements Comparator<String> {

    public static final SemverOrder NEWEST_FIRST = new SemverOrder();

    /** Domain §11 version format; build metadata ({@code +…}) is deliberately not allowed. */
    public static final Pattern VERSION = Pattern.compile("^([0-9]+)\\.([0-9]+)\\.([0-9]+)(?:-([A-Za-z0-9.-]+))?$");

    private SemverOrder() {
    }

    public static boolean isValidVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    @Override
    public int compare(String a, String b) {
        return -ascending(a, b);
    }

    /** Oldest-first comparison; the public order is its reverse. */
    private static int ascending(String a, String b) {
        Matcher left = a == null ? null : VERSION.matcher(a);
        Matcher right = b == null ? null : VERSION.matcher(b);
        boolean leftValid = left != null && left.matches();
        boolean rightValid = right != null && right.matches();
        if (!leftValid || !rightValid) {
            return Boolean.compare(leftValid, rightValid);
        }
        for (int group = 1; group <= 3; group++) {
            int byNumber = compareNumeric(left.group(group), right.group(group));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return comparePreRelease(left.group(4), right.group(4));
    }

    private static int comparePreRelease(String a, String b) {
        if (a == null || b == null) {
            // A release (no pre-release part) is above any pre-release of the same core.
            return Boolean.compare(a == null, b == null);
        }
        String[] left = a.split("\\.", -1);
        String[] right = b.split("\\.", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int byIdentifier = compareIdentifier(left[i], right[i]);
            if (byIdentifier != 0) {
                return byIdentifier;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean leftNumeric = isNumeric(a);
        boolean rightNumeric = isNumeric(b);
        if (leftNumeric && rightNumeric) {
            return compareNumeric(a, b);
        }
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean isNumeric(String identifier) {
        return !identifier.isEmpty() && identifier.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Digits of any length (versions like 20240101123000 overflow int), compared by value. */
    private static int compareNumeric(String a, String b) {
        String left = stripLeadingZeros(a);
        String right = stripLeadingZeros(b);
        if (left.length() != right.length()) {
            return Integer.compare(left.length(), right.length());
        }
        return left.compareTo(right);
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
