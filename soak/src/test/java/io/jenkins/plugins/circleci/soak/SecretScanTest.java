package io.jenkins.plugins.circleci.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The scan finds a secret wherever the product could leak it, and shows the finding without the secret. */
class SecretScanTest {
    private static final String TOKEN = "CCIPAT_soak0123456789abcdef";
    private static final String SECRET = "whsec_soak_fedcba";

    @Test
    void findsASecretInACauseDeepInAnExceptionAndInSerializedState() throws Exception {
        SecretScan scan = new SecretScan(TOKEN, SECRET);
        scan.exception("a failure", new IllegalStateException("outer", new RuntimeException("token " + TOKEN)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(List.of("state", SECRET));
        }
        scan.bytes("a saved state", bytes.toByteArray());
        scan.text("a console line", "nothing to see");
        scan.object("an outcome", List.of("fine"));
        assertThat(scan.findings()).hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(f -> f.startsWith("a failure")).anyMatch(f -> f.startsWith("a saved state"))
                .noneMatch(f -> f.contains(TOKEN) || f.contains(SECRET));
        assertThat(scan.scanned()).isGreaterThan(4);
    }

    @Test
    void scansTheProductsLogRecordsWithTheirExceptionsWhileOn() {
        SecretScan scan = new SecretScan(TOKEN);
        Logger logger = Logger.getLogger("io.jenkins.plugins.circleci.trigger.Watch");
        scan.startLogs();
        try {
            logger.log(Level.FINE, "a quiet line", new RuntimeException("with " + TOKEN));
        } finally {
            scan.stopLogs();
        }
        logger.log(Level.FINE, "after the scan: " + TOKEN);
        assertThat(scan.findings()).singleElement().asString().startsWith("log record of");
    }
}
