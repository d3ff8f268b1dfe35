#pragma once

#include "../base/apierror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace mp2p {

// Reads typed fields out of a request's JSON object and remembers the first problem, so a
// handler reads everything it needs and then checks ok() once:
//
//   JsonFields in(body);
//   const QString title = in.string("title", Required, 1, 200);
//   const qint64 size = in.integer("size", Required, 0, MaxContentBytes);
//   if (!in.ok()) return HttpResponse::error(in.error());
class JsonFields {
public:
    enum Presence { Required, Optional };

    explicit JsonFields(const QJsonObject &object, QString pathPrefix = {});

    bool has(const QString &key) const { return m_object.contains(key); }
    QString string(const QString &key, Presence presence, int minLength, int maxLength, const QString &fallback = {});
    qint64 integer(const QString &key, Presence presence, qint64 min, qint64 max, qint64 fallback = 0);
    bool boolean(const QString &key, Presence presence, bool fallback = false);
    QJsonObject object(const QString &key, Presence presence);
    QJsonArray array(const QString &key, Presence presence, int maxItems);
    QStringList stringList(const QString &key, Presence presence, int maxItems, int maxItemLength);
    // A string that must be one of `allowed`.
    QString choice(const QString &key, Presence presence, const QStringList &allowed, const QString &fallback = {});

    bool ok() const { return !m_error.has_value(); }
    const ApiError &error() const { return *m_error; }
    // Records a problem found by the caller's own checks (only the first one is kept).
    void fail(const QString &key, const QString &code, const QString &message);

private:
    QString qualified(const QString &key) const;
    bool present(const QString &key, Presence presence);

    QJsonObject m_object;
    QString m_prefix;
    std::optional<ApiError> m_error;
};

bool isHex(const QString &text, int length);

} // namespace mp2p
