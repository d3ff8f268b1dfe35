#include "tlstrust.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

namespace mp2p {

bool trustCaCertificates(const QString &pemPath, QString *error)
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
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate (it should start with -----BEGIN CERTIFICATE-----)").arg(pemPath);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(certificates);
    QSslConfiguration::setDefaultConfiguration(configuration);
    return true;
}

} // namespace mp2p
