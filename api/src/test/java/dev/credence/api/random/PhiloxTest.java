package dev.credence.api.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Known-answer tests of Philox-4x32-10 (the published vectors of Salmon et al.'s Random123). */
class PhiloxTest {

    private static int[] run(int k0, int k1, int c0, int c1, int c2, int c3) {
        int[] out = new int[4];
        Philox.block(k0, k1, c0, c1, c2, c3, out);
        return out;
    }

    @Test
    @DisplayName("zero key and counter")
    void zeros() {
        assertArrayEquals(
                new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, run(0, 0, 0, 0, 0, 0));
    }

    @Test
    @DisplayName("all-ones key and counter")
    void ones() {
        assertArrayEquals(
                new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
                run(-1, -1, -1, -1, -1, -1));
    }

    @Test
    @DisplayName("digits of pi")
    void pi() {
        assertArrayEquals(
                new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
                run(0xa4093822, 0x299f31d0, 0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344));
    }
}
