package io.companyos.agent.bundling;

import io.companyos.agent.bundle.pgp.KeyException;
import io.companyos.agent.bundle.pgp.RecipientKey;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The demo vendor key shipped in the jar (a copy of {@code examples/demo-vendor-key/demo-vendor.pub.asc}): the
 * recipient when none is configured, so a first export works on a fresh machine. Its secret key is public; a bundle
 * encrypted to it is readable by anyone.
 */
public final class DemoVendorKey {
  /** The demo key's fingerprint, as the README and {@code examples/demo-vendor-key/README.md} give it. */
  public static final String FINGERPRINT = "64D44288549C552116FCD4D7132163CD9CBDD2A4";

  static final String RESOURCE = "/demo-vendor-key/demo-vendor.pub.asc";

  private DemoVendorKey() {}

  public static List<RecipientKey> recipients() throws KeyException {
    try (InputStream in = DemoVendorKey.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new KeyException("the demo vendor key is missing from the agent jar (" + RESOURCE + ")");
      }
      return RecipientKey.parse(in.readAllBytes(), "the demo vendor key");
    } catch (IOException e) {
      throw new KeyException("cannot read the demo vendor key from the agent jar", e);
    }
  }
}
