package dev.dxcp.gatesim.orca;

import java.security.SecureRandom;
import java.util.Random;

/**
 * ULIDs as Orca issues them for executions and stages: 48 bits of epoch millis then 80 random
 * bits, written as 26 Crockford base-32 characters. Ids made in the same millisecond increment
 * the random part, so ids sort in creation order (spec §1).
 */
public final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Random random;
    private long lastMillis = -1;
    private long randomHigh; // top 16 of the 80 random bits
    private long randomLow;  // lower 64 random bits

    public Ulid() {
        this(new SecureRandom());
    }

    Ulid(Random random) {
        this.random = random;
    }

    public synchronized String next(long epochMillis) {
        if (epochMillis < 0 || epochMillis >= (1L << 48)) {
            throw new IllegalArgumentException("Time outside the ULID range: " + epochMillis);
        }
        if (epochMillis <= lastMillis) {
            incrementRandom();
            epochMillis = lastMillis; // never go backwards, even if the clock does
        } else {
            randomHigh = random.nextInt(1 << 16);
            randomLow = random.nextLong();
            lastMillis = epochMillis;
        }
        return encode(epochMillis, randomHigh, randomLow);
    }

    private void incrementRandom() {
        randomLow++;
        if (randomLow == 0) {
            randomHigh = (randomHigh + 1) & 0xFFFF;
        }
    }

    private static String encode(long time, long high16, long low64) {
        char[] out = new char[26];
        // 10 characters of time (50 bits, top 2 always zero).
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 16 characters of randomness: 80 bits as high16:low64, consumed 5 bits at a time from the end.
        long low = low64;
        long high = high16;
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low = (low >>> 5) | ((high & 31) << 59);
            high >>>= 5;
        }
        return new String(out);
    }

    /** Epoch millis encoded in a ULID's first ten characters. */
    public static long timeOf(String ulid) {
        long time = 0;
        for (int i = 0; i < 10; i++) {
            time = (time << 5) | indexOf(ulid.charAt(i));
        }
        return time;
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == Character.toUpperCase(c)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Not a Crockford base-32 character: " + c);
    }
}
