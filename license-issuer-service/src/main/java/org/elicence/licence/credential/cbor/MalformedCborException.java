package org.elicence.licence.credential.cbor;

/** The bytes are not one well-formed CBOR data item of a shape this code understands. */
public class MalformedCborException extends RuntimeException {

    public MalformedCborException(String message) {
        super(message);
    }

    public MalformedCborException(String message, Throwable cause) {
        super(message, cause);
    }
}
