package dev.dxcp.query.operations;

/**
 * One generation of a projection's tables. Table names are never taken from input: a projection
 * passes its own fixed base names ({@code rm_build}) and gets the physical table ({@code rm_build_g2}).
 */
public record Generation(int number) {
    public static final int FIRST = 1;
    public static final int SECOND = 2;

    public Generation {
        if (number != FIRST && number != SECOND) {
            throw new IllegalArgumentException("projections have generations 1 and 2, not " + number);
        }
    }

    public String table(String base) {
        return base + "_g" + number;
    }

    /** The generation a rebuild writes while this one serves reads. */
    public Generation other() {
        return new Generation(number == FIRST ? SECOND : FIRST);
    }
}
