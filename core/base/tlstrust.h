#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

namespace mp2p {

// Adds the CA certificates of a PEM file to the ones this process trusts for outgoing HTTPS
// (every QNetworkAccessManager made afterwards), so a provider that signs its servers with
// its own CA is verified rather than refused — and never trusted blindly. Certificates are
// still checked in full (chain, expiry, host name). Returns false with a message naming the
// file when it cannot be read or holds no certificate.
bool trustCaCertificates(const QString &pemPath, QString *error);

// The certificates of a PEM file (at most 1 MiB), without trusting them: false with the same
// messages as trustCaCertificates when it cannot be read or holds none.
bool readCaCertificates(const QString &pemPath, QList<QSslCertificate> *certificates, QString *error);

// For a setting that changes while the program runs (the desktop): trusts the CA of this file
// in place of the one the previous call added; an empty path goes back to the system CAs only.
// Requests started afterwards use the new set; on failure the previous set stays.
bool replaceTrustedProviderCa(const QString &pemPath, QString *error);

} // namespace mp2p
