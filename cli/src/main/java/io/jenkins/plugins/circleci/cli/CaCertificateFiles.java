package io.jenkins.plugins.circleci.cli;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import io.jenkins.plugins.circleci.tls.CaCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code --ca-cert FILE}: PEM certificates of the CAs that sign the CircleCI server's certificate, trusted for
 * this run's requests besides the JVM's CAs. Read before anything is sent, so a bad file is exit 2, not a failed
 * trigger.
 */
final class CaCertificateFiles {
    private CaCertificateFiles() {}

    /** The CAs of all {@code files} together, or null when none was given (the JVM's trust only). */
    static CaCertificates read(List<Path> files) {
        if (files == null || files.isEmpty()) {
            return null;
        }
        StringBuilder pem = new StringBuilder();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new InvalidRequestException("Cannot read the CA certificate file " + file + " ("
                        + e.getClass().getSimpleName() + ").", "Check that the file exists and is readable by this "
                        + "user; it holds the CA's certificate in PEM form (-----BEGIN CERTIFICATE-----).");
            }
            try {
                CaCertificates.parse(text);
            } catch (InvalidRequestException e) {
                throw new InvalidRequestException("The CA certificate file " + file + " is not usable: "
                        + e.getMessage(), e.hint() + " A DER file converts with 'openssl x509 -inform DER -in "
                        + "ca.der -out ca.pem'.");
            }
            pem.append(text).append('\n');
        }
        return CaCertificates.parse(pem.toString());
    }
}
