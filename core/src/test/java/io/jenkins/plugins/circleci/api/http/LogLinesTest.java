package io.jenkins.plugins.circleci.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A terminal log becomes plain, masked, capped console lines; only the last ones are kept. */
class LogLinesTest {
    private static final SecretMask MASK = SecretMask.of("CCIPAT_abcdefgh12345678");

    @Test
    void ansiSequencesAndControlCharactersGo() {
        assertThat(LogLines.cleanLine("\u001b[1m\u001b[31mFAIL\u001b[39m\u001b[22m x \u001b[2K\u001b[1Gy", MASK))
                .isEqualTo("FAIL x y");
        assertThat(LogLines.cleanLine("\u001b]0;window title\u0007after", MASK)).isEqualTo("after");
        assertThat(LogLines.cleanLine("\u001b]8;;https://x\u001b\\link\u001b]8;;\u001b\\", MASK)).isEqualTo("link");
        assertThat(LogLines.cleanLine("a\u0000b\u0008c\td\u009b31me", MASK)).isEqualTo("abc\tde");
        assertThat(LogLines.cleanLine("\u001b(Bcharset\u001b=keypad\u001b", MASK)).isEqualTo("charsetkeypad");
    }

    @Test
    void aCarriageReturnOverwritesTheLine() {
        assertThat(LogLines.cleanLine("10%\r50%\r100%\r", MASK)).isEqualTo("100%");
        assertThat(LogLines.cleanLine("done\r\r", MASK)).isEqualTo("done");
    }

    @Test
    void keepsTheLastLinesOfChunksThatSplitLinesAnywhere() {
        LogLines lines = new LogLines(3, 100, 10_000, MASK);
        for (String chunk : List.of("one\r\ntw", "o\r\nthr", "ee\r\nfour\r\n", "fi", "ve")) {
            lines.append(chunk);
        }
        assertThat(lines.finish()).containsExactly("three", "four", "five");
        assertThat(lines.linesSeen()).isEqualTo(5);
    }

    @Test
    void trailingBlankLinesAreDropped() {
        LogLines lines = new LogLines(3, 100, 10_000, MASK);
        lines.append("a\nb\n\n\n");
        assertThat(lines.finish()).containsExactly("a", "b");
    }

    @Test
    void eachLineAndTheWholeAreCapped() {
        LogLines lines = new LogLines(50, 10, 40, MASK);
        for (int i = 0; i < 10; i++) {
            lines.append("line-" + i + "-" + "x".repeat(100) + "\n");
        }
        List<String> out = lines.finish();
        assertThat(out).allSatisfy(l -> assertThat(l).hasSize(11).endsWith(LogLines.CUT));
        assertThat(out.stream().mapToInt(l -> l.length() + 1).sum()).isLessThanOrEqualTo(40);
        assertThat(out.get(out.size() - 1)).startsWith("line-9");
    }

    @Test
    void aHugeLineCostsBoundedMemoryAndShowsItsStart() {
        LogLines lines = new LogLines(5, 20, 10_000, MASK);
        lines.append("start" + "y".repeat(5_000_000) + "\nnext\n");
        assertThat(lines.finish()).containsExactly("start" + "y".repeat(15) + LogLines.CUT, "next");
    }

    @Test
    void aTokenIsMaskedBeforeALineIsCutSoNoPartOfItShows() {
        LogLines lines = new LogLines(5, 12, 10_000, MASK);
        lines.append("0123456789CCIPAT_abcdefgh12345678\n");
        assertThat(lines.finish()).containsExactly("0123456789**" + LogLines.CUT);
    }

    @Test
    void aTokenSplitByAnsiCodesOrAcrossChunksIsStillMasked() {
        LogLines lines = new LogLines(5, 300, 10_000, MASK);
        lines.append("x CCIPAT_abcd");
        lines.append("efgh12345678 y\n");
        lines.append("z CCIPAT_abc\u001b[0mdefgh12345678\n");
        assertThat(lines.finish()).containsExactly("x **** y", "z ****");
    }
}
