#include "omsurlcheck.h"

#include <QUrl>

namespace mp2p {

namespace {
int portOf(const QUrl &url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}
} // namespace

std::optional<ApiError> checkProviderOmsUrl(const QString &omsUrl, const QStringList &providerOms)
{
    if (providerOms.isEmpty())
        return std::nullopt;
    const QUrl given(omsUrl);
    for (const QString &known : providerOms) {
        const QUrl ours(known);
        if (given.scheme() == ours.scheme() && given.host().compare(ours.host(), Qt::CaseInsensitive) == 0
            && portOf(given) == portOf(ours))
            return std::nullopt;
    }
    ApiError e = ApiError::badRequest(QStringLiteral("invalid_value"),
                                      QStringLiteral("omsUrl '%1' is not an OMS of this provider").arg(omsUrl.left(200)),
                                      QStringLiteral("omsUrl"));
    e.hint = QStringLiteral("use the provider's OMS URL: %1").arg(providerOms.join(QStringLiteral(", ")));
    return e;
}

} // namespace mp2p
