#include "tlstrust.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslSocket>

namespace mp2p {

namespace {
constexpr qint64 MaxPemBytes = 1 << 20;  // a CA bundle is kilobytes; more is the wrong file

// What replaceTrustedProviderCa() added last, so the next call can take it out again.
QList<QSslCertificate> &addedByReplace()
{
    static QList<QSslCertificate> added;
    return added;
}
// The CAs a configuration trusts now. The default one loads the system's on demand and lists
// none; setting a list ends that loading, so the system's must be part of the list we set, or
// "in addition to the system's" would become "instead of".
QList<QSslCertificate> baseCaCertificates(const QSslConfiguration &configuration)
{
    const QList<QSslCertificate> listed = configuration.caCertificates();
    return listed.isEmpty() ? QSslConfiguration::systemCaCertificates() : listed;
}
} // namespace

bool readCaCertificates(const QString &pemPath, QList<QSslCertificate> *certificates, QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("this build has no TLS support (Qt's OpenSSL plugin is missing), so %1 cannot be used").arg(pemPath);
        return false;
    }
    QFile file(pemPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the CA certificate file %1: %2").arg(pemPath, file.errorString());
        return false;
    }
    if (file.size() > MaxPemBytes) {
        *error = QStringLiteral("%1 is %2 KiB, too large for a CA certificate file; choose the .pem of the CA")
                     .arg(pemPath).arg(file.size() >> 10);
        return false;
    }
    *certificates = QSslCertificate::fromData(file.read(MaxPemBytes), QSsl::Pem);
    if (certificates->isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate (it should start with -----BEGIN CERTIFICATE-----)").arg(pemPath);
        return false;
    }
    return true;
}

bool trustCaCertificates(const QString &pemPath, QString *error)
{
    QList<QSslCertificate> certificates;
    if (!readCaCertificates(pemPath, &certificates, error))
        return false;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(baseCaCertificates(configuration) + certificates);
    QSslConfiguration::setDefaultConfiguration(configuration);
    return true;
}

bool replaceTrustedProviderCa(const QString &pemPath, QString *error)
{
    QList<QSslCertificate> certificates;
    if (!pemPath.isEmpty() && !readCaCertificates(pemPath, &certificates, error))
        return false;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> trusted = baseCaCertificates(configuration);
    for (const QSslCertificate &old : std::as_const(addedByReplace()))
        trusted.removeAll(old);
    trusted.append(certificates);
    configuration.setCaCertificates(trusted);
    QSslConfiguration::setDefaultConfiguration(configuration);
    addedByReplace() = certificates;
    return true;
}

} // namespace mp2p
