// The settings dialog's "Rotate tracker passkey" row: the passkey is in every announce URL of
// the user, so one that leaked (a shared .torrent, a log) lets others announce as them until
// it is replaced. Asking the UMS for a new one is a network call: it runs asynchronously and
// the dialog only shows its outcome.
#include "settingsdialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace mp2p {

QWidget *SettingsDialog::buildPasskeyRotation()
{
    m_rotate = new QPushButton(tr("&Rotate tracker passkey…"), this);
    m_rotate->setObjectName(QStringLiteral("rotatePasskey"));
    m_rotate->setAccessibleName(tr("Rotate tracker passkey"));
    m_rotate->setToolTip(tr("Replaces the secret in your announce URLs. Do it when a .torrent or log with it leaked: "
                            "the old passkey stops working at once, your transfers switch to the new one."));
    m_rotate->setEnabled(false);
    m_rotateResult = new QLabel(tr("Available once mp2p is logged in at the provider."), this);
    m_rotateResult->setObjectName(QStringLiteral("rotatePasskeyResult"));
    m_rotateResult->setWordWrap(true);
    m_rotateResult->setAccessibleName(tr("Passkey rotation result"));
    connect(m_rotate, &QPushButton::clicked, this, &SettingsDialog::confirmRotation);
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->addWidget(m_rotate);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addWidget(m_rotateResult);
    return box;
}

void SettingsDialog::setPasskeyRotation(PasskeyRotation rotate)
{
    m_rotation = std::move(rotate);
    m_rotate->setEnabled(bool(m_rotation));
    m_rotateResult->setText(m_rotation ? QString() : tr("Available once mp2p is logged in at the provider."));
}

QString SettingsDialog::passkeyResult() const
{
    return m_rotateResult->text();
}

void SettingsDialog::confirmRotation()
{
    if (!m_rotation)
        return;
    // open(), not exec(): no nested event loop while the dialog waits for the answer.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Rotate tracker passkey?"),
                                tr("mp2p gets a new tracker passkey from the provider. The old one is refused from then "
                                   "on, also by any other program that still uses it; mp2p programs of yours switch "
                                   "by themselves.\n\nRotate it now?"),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRotation"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result != QMessageBox::Yes)
            return;
        m_rotate->setEnabled(false);
        m_rotateResult->setText(tr("Asking the provider for a new passkey…"));
        QPointer<SettingsDialog> self(this);
        m_rotation([self](bool ok, const QString &problem) {
            if (!self)
                return;
            self->m_rotate->setEnabled(true);
            self->m_rotateResult->setText(
                ok ? tr("Done: a new passkey is in use and the old one is refused. Your transfers announce with the new one.")
                   : tr("The passkey was not rotated: %1. The old one still works; try again later.").arg(problem));
        });
    });
    box->open();
}

} // namespace mp2p
