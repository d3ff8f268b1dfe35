#pragma once

#include <QString>

namespace mp2p {

// Adds the CA certificates of a PEM file to the ones this process trusts for outgoing HTTPS
// (every QNetworkAccessManager made afterwards), so a provider that signs its servers with
// its own CA is verified rather than refused — and never trusted blindly. Certificates are
// still checked in full (chain, expiry, host name). Returns false with a message naming the
// file when it cannot be read or holds no certificate.
bool trustCaCertificates(const QString &pemPath, QString *error);

} // namespace mp2p
