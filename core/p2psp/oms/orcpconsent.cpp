#include "orcpapi.h"

// ORCP's consent rule and the relay secret in owner-only answers (split from orcpapi.cpp).

namespace mp2p {

ConsentAnswer OrcpApi::consentOf(const Resource &resource) const
{
    return volunteerConsentOf(m_state, resource);
}

HttpResponse OrcpApi::noConsent(const Resource &resource, const ConsentAnswer &answer) const
{
    const QString role = resource.type == QLatin1String("cs") ? QStringLiteral("cache") : QStringLiteral("relay");
    if (answer.state == ConsentAnswer::State::Unknown) {
        ApiError e{503, QStringLiteral("consent_unknown"),
                   QStringLiteral("the OMS cannot confirm that user %1 consented to volunteer as a %2: %3")
                       .arg(resource.owner, role, answer.why),
                   {}, QStringLiteral("retry in a few seconds")};
        return HttpResponse::error(e);
    }
    return HttpResponse::error(ApiError::forbidden(
        QStringLiteral("user %1 has no current consent at the PAMS to volunteer as a %2; consent first (mp2p volunteer --%2, "
                       "or Volunteer in the desktop app)").arg(resource.owner, role)));
}

bool OrcpApi::addRelaySecret(const Resource &resource, QJsonObject *reply, QString *error)
{
    // Only the owner sees these replies (registration, keep-alive); status and list never carry it.
    if (resource.type != QLatin1String("rs"))
        return true;
    const std::optional<QByteArray> secret = m_state.relaySecrets.issue(resource.resourceId, m_state.clock(), error);
    if (!secret)
        return false;
    reply->insert(QStringLiteral("relaySecret"), QString::fromLatin1(*secret));
    return true;
}

ConsentAnswer volunteerConsentOf(const OmsState &state, const Resource &resource)
{
    // Dedicated servers belong to the provider (only operators register them); a volunteer's
    // machine serves only under the user's signed consent for that role, which the PAMS holds.
    // Without a PAMS to ask, the answer is no: a volunteer is never used unchecked.
    if (resource.mode != QLatin1String("volunteer"))
        return ConsentAnswer::yes();
    if (!state.volunteerConsent)
        return ConsentAnswer::unknown(QStringLiteral("this OMS has no PAMS to ask about consent"));
    return state.volunteerConsent(resource.owner, resource.type);
}

} // namespace mp2p
