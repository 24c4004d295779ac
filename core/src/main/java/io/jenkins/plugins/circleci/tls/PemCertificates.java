package io.jenkins.plugins.circleci.tls;

import io.jenkins.plugins.circleci.api.error.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads X.509 certificates from PEM text as an administrator pastes it: one or more
 * {@code -----BEGIN CERTIFICATE-----} blocks. Explanatory text between blocks (the {@code subject=} lines that
 * {@code openssl s_client -showcerts} prints) is skipped, as RFC 7468 allows; anything else is refused with an
 * error that says what was found and what to paste instead. No error quotes the pasted text: a private key pasted by
 * mistake must not travel on into a log.
 */
final class PemCertificates {
    /** Far more than any CA bundle an administrator would paste; bounds the work a form check can cause. */
    static final int MAX_CHARS = 1024 * 1024;
    static final int MAX_CERTIFICATES = 200;

    static final String WHAT_TO_PASTE = "Paste the PEM certificate of the CA that signed the CircleCI server's "
            + "certificate: the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE----- (e.g. the output "
            + "of 'openssl x509 -in ca.crt -outform PEM'); several blocks one after the other for several CAs.";

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([^-\\r\\n]*)-----");
    private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/=]*");

    private PemCertificates() {}

    static List<X509Certificate> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("No CA certificate was given.", WHAT_TO_PASTE);
        }
        if (text.length() > MAX_CHARS) {
            throw new InvalidRequestException("The CA certificates text is " + text.length() + " characters long, "
                    + "more than the " + MAX_CHARS + " accepted.", "Paste only the certificates of the CAs that sign "
                    + "the CircleCI server's certificate, not a whole CA bundle.");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher begin = BEGIN.matcher(text);
        int from = 0;
        while (begin.find(from)) {
            int number = certificates.size() + 1;
            String label = begin.group(1).strip();
            refuseLabel(label, number);
            String end = "-----END " + label + "-----";
            int endAt = text.indexOf(end, begin.end());
            int nextBegin = text.indexOf("-----BEGIN ", begin.end());
            if (endAt < 0 || nextBegin >= 0 && nextBegin < endAt) {
                throw new InvalidRequestException("PEM block " + number + " (-----BEGIN " + label + "-----) has no "
                        + end + " line: the text was cut short.", "Copy the whole certificate again, down to and "
                        + "including its END line.");
            }
            certificates.add(certificate(text.substring(begin.end(), endAt), number));
            if (certificates.size() > MAX_CERTIFICATES) {
                throw new InvalidRequestException("More than " + MAX_CERTIFICATES + " certificates were given.",
                        "Paste only the certificates of the CAs that sign the CircleCI server's certificate, not a "
                                + "whole CA bundle.");
            }
            from = endAt + end.length();
        }
        if (certificates.isEmpty()) {
            throw new InvalidRequestException("No -----BEGIN CERTIFICATE----- block was found in the CA certificates "
                    + "text" + (looksLikeBareBase64(text) ? " (it looks like base64 without the PEM BEGIN and END "
                    + "lines, or a binary DER file)" : "") + ".", WHAT_TO_PASTE);
        }
        return List.copyOf(certificates);
    }

    private static void refuseLabel(String label, int number) {
        String upper = label.toUpperCase(Locale.ROOT);
        if (upper.equals("CERTIFICATE")) {
            return;
        }
        if (upper.contains("PRIVATE KEY")) {
            throw new InvalidRequestException("PEM block " + number + " is a private key (" + label + "), not a "
                    + "certificate. It was not saved and is not repeated here.", "Remove it and paste only the CA's "
                    + "certificate; a private key never belongs in this setting. If it was pasted where others can "
                    + "see it, treat it as leaked. " + WHAT_TO_PASTE);
        }
        if (upper.equals("CERTIFICATE REQUEST") || upper.equals("NEW CERTIFICATE REQUEST")) {
            throw new InvalidRequestException("PEM block " + number + " is a certificate signing request, not a "
                    + "certificate.", WHAT_TO_PASTE);
        }
        if (upper.equals("TRUSTED CERTIFICATE")) {
            throw new InvalidRequestException("PEM block " + number + " is an OpenSSL 'TRUSTED CERTIFICATE', which "
                    + "carries OpenSSL-only trust settings.", "Convert it with 'openssl x509 -in ca.pem -out "
                    + "ca-plain.pem' and paste the -----BEGIN CERTIFICATE----- block that gives.");
        }
        throw new InvalidRequestException("PEM block " + number + " is a '" + label + "', not a certificate.",
                WHAT_TO_PASTE);
    }

    private static X509Certificate certificate(String body, int number) {
        StringBuilder base64 = new StringBuilder(body.length());
        for (String line : body.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!BASE64_LINE.matcher(trimmed).matches()) {
                throw new InvalidRequestException("Certificate " + number + " is damaged: a line between its BEGIN "
                        + "and END lines is not base64" + (trimmed.contains(":") ? " (PEM headers such as "
                        + "'Proc-Type:' belong to encrypted keys, not certificates)" : "") + ".",
                        "Copy the certificate again exactly as it is, without quoting or line prefixes.");
            }
            base64.append(trimmed);
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Certificate " + number + " is damaged: its base64 does not decode ("
                    + e.getMessage() + ").", "Copy the certificate again, all of its lines.");
        }
        if (der.length == 0) {
            throw new InvalidRequestException("Certificate " + number + " is empty between its BEGIN and END lines.",
                    WHAT_TO_PASTE);
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new InvalidRequestException("Certificate " + number + " is not a valid X.509 certificate ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ").",
                    "Copy the certificate again, all of its lines. " + WHAT_TO_PASTE);
        }
    }

    private static boolean looksLikeBareBase64(String text) {
        String compact = text.replaceAll("\\s", "");
        return compact.length() >= 64 && compact.matches("[A-Za-z0-9+/=]+") || text.indexOf('\0') >= 0;
    }
}
