#include "firstrundialog.h"

#include <settings/appsettings.h>

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mp2p {

FirstRunDialog::FirstRunDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Welcome to mp2p"));
    auto *intro = new QLabel(tr("mp2p shares files through a managed peer-to-peer service. "
                                "Choose where that service runs. You can change this later in Settings."), this);
    intro->setWordWrap(true);

    m_local = new QRadioButton(tr("&Run locally (this machine / LAN)"), this);
    m_local->setAccessibleName(tr("Run locally"));
    auto *localHelp = new QLabel(tr("mp2p starts its own services inside the app: the user directory (who you are), "
                                    "the content index (what can be found), the overlay manager (who has which "
                                    "content) and the activity service, plus a network map for one region. "
                                    "Other computers on your network can use them too."), this);
    localHelp->setWordWrap(true);
    localHelp->setIndent(24);

    m_provider = new QRadioButton(tr("Use a &provider URL"), this);
    m_provider->setAccessibleName(tr("Use a provider URL"));
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(QStringLiteral("https://p2p.example.org"));
    m_url->setAccessibleName(tr("Provider URL"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->hide();

    auto *group = new QButtonGroup(this);
    group->addButton(m_local);
    group->addButton(m_provider);
    m_local->setChecked(true);
    connect(m_provider, &QRadioButton::toggled, this, &FirstRunDialog::updateEnabled);

    auto *idTitle = new QLabel(tr("Your identity:"), this);
    m_id = new QLabel(tr("created when mp2p first connects…"), this);
    m_id->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_id->setAccessibleName(tr("Your user id"));
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setAccessibleName(tr("Copy your user id"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, &FirstRunDialog::copyUserId);
    auto *idRow = new QHBoxLayout;
    idRow->addWidget(idTitle);
    idRow->addWidget(m_id, 1);
    idRow->addWidget(m_copy);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstRunDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_local);
    layout->addWidget(localHelp);
    layout->addWidget(m_provider);
    layout->addWidget(m_url);
    layout->addWidget(m_problem);
    layout->addSpacing(12);
    layout->addLayout(idRow);
    layout->addWidget(buttons);
    updateEnabled();
}

FirstRunDialog::Choice FirstRunDialog::choice() const
{
    return m_provider->isChecked() ? Choice::ProviderUrl : Choice::Local;
}

QString FirstRunDialog::providerUrl() const
{
    return m_url->text().trimmed();
}

void FirstRunDialog::setChoice(Choice choice)
{
    (choice == Choice::ProviderUrl ? m_provider : m_local)->setChecked(true);
}

void FirstRunDialog::setProviderUrl(const QString &url)
{
    m_url->setText(url);
}

QString FirstRunDialog::shortUserId(const QString &userId)
{
    // Twelve hex digits in groups of four are enough to tell people apart when reading aloud.
    const QString head = userId.left(12);
    QStringList groups;
    for (int i = 0; i < head.size(); i += 4)
        groups.append(head.mid(i, 4));
    return groups.join(QLatin1Char('-'));
}

void FirstRunDialog::setUserId(const QString &userId)
{
    m_userId = userId;
    m_id->setText(shortUserId(userId));
    m_id->setToolTip(userId);
    m_copy->setEnabled(!userId.isEmpty());
}

QString FirstRunDialog::shownUserId() const
{
    return m_userId.isEmpty() ? QString() : m_id->text();
}

QString FirstRunDialog::problemShown() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void FirstRunDialog::copyUserId()
{
    if (!m_userId.isEmpty())
        QApplication::clipboard()->setText(m_userId);
}

void FirstRunDialog::applyTo(AppSettings *settings) const
{
    settings->providerMode = choice() == Choice::ProviderUrl ? AppSettings::ProviderMode::Url : AppSettings::ProviderMode::Embedded;
    if (choice() == Choice::ProviderUrl)
        settings->providerUrl = providerUrl();
    settings->firstRunDone = true;
}

void FirstRunDialog::accept()
{
    if (choice() == Choice::ProviderUrl) {
        const QString problem = SettingsValidator::checkProviderUrl(providerUrl());
        if (!problem.isEmpty()) {
            m_problem->setText(problem);
            m_problem->show();
            m_url->setAccessibleDescription(problem);
            m_url->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    m_problem->hide();
    QDialog::accept();
}

void FirstRunDialog::updateEnabled()
{
    m_url->setEnabled(m_provider->isChecked());
    if (!m_provider->isChecked())
        m_problem->hide();
}

} // namespace mp2p
