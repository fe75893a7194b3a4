/**
 * The online-verification QR code: a random code naming one credential in the register, and its PNG rendering. Apart
 * from the signed credential because the QR carries neither representation and holds nothing about the holder.
 */
package org.elicence.licence.credential.qr;
