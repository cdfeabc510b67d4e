package dev.sightline.cloud;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * A static key pair for Iceberg's AWS clients that take no keys of their own (Glue): Iceberg calls
 * {@link #create(Map)} with the {@code client.credentials-provider.*} catalog properties.
 */
public final class KeyPairCredentials implements AwsCredentialsProvider {

    /** Catalog property (after the provider prefix) holding the access key id. */
    public static final String ACCESS_KEY_ID = "access-key-id";
    /** Catalog property (after the provider prefix) holding the secret access key. */
    public static final String SECRET_ACCESS_KEY = "secret-access-key";

    private final AwsBasicCredentials credentials;

    private KeyPairCredentials(AwsBasicCredentials credentials) {
        this.credentials = credentials;
    }

    /** The provider Iceberg asks for by reflection. */
    public static KeyPairCredentials create(Map<String, String> properties) {
        String id = properties.get(ACCESS_KEY_ID);
        String secret = properties.get(SECRET_ACCESS_KEY);
        if (id == null || secret == null) {
            throw new IllegalArgumentException("client.credentials-provider." + ACCESS_KEY_ID + " and ."
                    + SECRET_ACCESS_KEY + " are both needed");
        }
        return new KeyPairCredentials(AwsBasicCredentials.create(id, secret));
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return credentials;
    }
}
