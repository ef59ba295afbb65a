package dev.notionconsole.secrets;

/** A secret could not be read, written or deleted. The message never contains the secret. */
public class SecretStoreException extends Exception {
    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
