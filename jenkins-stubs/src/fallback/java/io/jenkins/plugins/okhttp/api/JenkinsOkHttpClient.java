package io.jenkins.plugins.okhttp.api;

import okhttp3.OkHttpClient;

/** Stand-in of okhttp-api's JenkinsOkHttpClient. */
public class JenkinsOkHttpClient {
    private JenkinsOkHttpClient() {}

    public static OkHttpClient.Builder newClientBuilder(OkHttpClient httpClient) {
        throw new UnsupportedOperationException("stand-in");
    }
}
