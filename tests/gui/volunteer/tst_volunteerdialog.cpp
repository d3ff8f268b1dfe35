// The desktop's consent dialog (issue 7): nothing is consented or started until "I agree"; the
// disclosure names every limit chosen; agreeing records a signed grant that starts the role;
// "Stop volunteering" records a revocation and stops it at once; an empty hour range is refused.
#include <volunteer/volunteerdialog.h>

#include <protocol/keys.h>
#include <user/volunteer/consentstore.h>
#include <user/volunteer/volunteercontroller.h>

#include <QCheckBox>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;

namespace {

class CountingRole : public VolunteerRole {
public:
    explicit CountingRole(VolunteerRoleKind kind) : m_kind(kind) {}
    VolunteerRoleKind kind() const override { return m_kind; }
    bool start(const VolunteerLimits &limits, QString *) override
    {
        running = true;
        applied = limits;
        return true;
    }
    void applyLimits(const VolunteerLimits &limits) override { applied = limits; }
    void stop() override { running = false; }
    bool isRunning() const override { return running; }

    VolunteerRoleKind m_kind;
    bool running = false;
    VolunteerLimits applied;
};

} // namespace

class TstVolunteerDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<ConsentStore>(m_dir.filePath(QStringLiteral("consent-%1.db").arg(++m_round)));
        QString error;
        QVERIFY2(m_store->open(&error), qPrintable(error));
        m_controller = std::make_unique<VolunteerController>(m_store.get(), KeyPair::generate());
        m_relay = std::make_unique<CountingRole>(VolunteerRoleKind::Relay);
        m_cache = std::make_unique<CountingRole>(VolunteerRoleKind::Cache);
        m_controller->addRole(m_relay.get());
        m_controller->addRole(m_cache.get());
        m_controller->setHourSource([] { return 12; });
        m_controller->start();
    }
    void cleanup()
    {
        m_controller.reset();
        m_store.reset();
    }

    void nothingIsSharedBeforeAgreeing()
    {
        VolunteerDialog dialog(m_controller.get(), m_store.get());
        QVERIFY(!dialog.relayBox()->isChecked());
        QVERIFY(!dialog.cacheBox()->isChecked());
        QVERIFY(dialog.disclosure().contains(QStringLiteral("nothing will be shared")));
        dialog.relayBox()->setChecked(true);  // ticking alone consents to nothing
        m_controller->evaluate();
        QVERIFY(!m_relay->running);
        QString error;
        QVERIFY(!m_store->latest(VolunteerRoleKind::Relay, &error).has_value());
    }

    void agreeRecordsTheLimitsShownAndStartsTheRole()
    {
        VolunteerDialog dialog(m_controller.get(), m_store.get());
        dialog.relayBox()->setChecked(true);
        dialog.uploadBox()->setValue(512);
        dialog.maxRelayedBox()->setValue(7);
        dialog.fromHourBox()->setValue(8);
        dialog.toHourBox()->setValue(20);
        const QString text = dialog.disclosure();
        QVERIFY2(text.contains(QStringLiteral("512 KiB/s")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("7 connection")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("8:00 to 20:00")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("As a cache")), qPrintable(text));

        QTest::mouseClick(dialog.agreeButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QString error;
        const auto latest = m_store->latest(VolunteerRoleKind::Relay, &error);
        QVERIFY2(latest.has_value(), qPrintable(error));
        QVERIFY(!latest->fields.revoked);
        QCOMPARE(latest->fields.limits.uploadBytesPerSec, qint64(512) * 1024);
        QCOMPARE(latest->fields.limits.maxRelayedConnections, 7);
        QCOMPARE(latest->fields.limits.startHour, 8);
        QCOMPARE(latest->fields.limits.endHour, 20);
        QVERIFY(verifyConsent(*latest));
        m_controller->evaluate();
        QTRY_VERIFY(m_relay->running);
        QCOMPARE(m_relay->applied.uploadBytesPerSec, qint64(512) * 1024);
        QVERIFY(!m_cache->running);

        // Opened again, the dialog shows what was agreed.
        VolunteerDialog again(m_controller.get(), m_store.get());
        QVERIFY(again.relayBox()->isChecked());
        QCOMPARE(again.uploadBox()->value(), 512);
        QCOMPARE(again.maxRelayedBox()->value(), 7);
    }

    void stopRevokesAndStopsWithinASecond()
    {
        QString error;
        VolunteerLimits limits;
        limits.diskQuotaBytes = qint64(2) << 30;
        QVERIFY2(m_controller->consent(VolunteerRoleKind::Cache, limits, &error), qPrintable(error));
        m_controller->evaluate();
        QTRY_VERIFY(m_cache->running);

        VolunteerDialog dialog(m_controller.get(), m_store.get());
        QVERIFY(dialog.cacheBox()->isChecked());
        QCOMPARE(dialog.diskBox()->value(), 2);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(dialog.stopAllButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_cache->running, 1000);
        QVERIFY(clock.elapsed() < 1000);
        const auto latest = m_store->latest(VolunteerRoleKind::Cache, &error);
        QVERIFY(latest.has_value());
        QVERIFY(latest->fields.revoked);
        QVERIFY(!dialog.cacheBox()->isChecked());
    }

    void anEmptyHourRangeIsRefused()
    {
        VolunteerDialog dialog(m_controller.get(), m_store.get());
        dialog.cacheBox()->setChecked(true);
        dialog.fromHourBox()->setValue(9);
        dialog.toHourBox()->setValue(9);
        QVERIFY(!dialog.agreeButton()->isEnabled());
        dialog.toHourBox()->setValue(10);
        QVERIFY(dialog.agreeButton()->isEnabled());
    }

    void everyControlHasAnAccessibleName()
    {
        VolunteerDialog dialog(m_controller.get(), m_store.get());
        for (QSpinBox *box : dialog.findChildren<QSpinBox *>())
            QVERIFY2(!box->accessibleName().isEmpty(), qPrintable(box->suffix()));
        for (QCheckBox *box : dialog.findChildren<QCheckBox *>())
            QVERIFY2(!box->accessibleName().isEmpty(), qPrintable(box->text()));
        for (QPushButton *button : dialog.findChildren<QPushButton *>())  // a button's text is its name
            QVERIFY2(!button->accessibleName().isEmpty() || !button->text().isEmpty(), "unnamed button");
    }

private:
    QTemporaryDir m_dir;
    int m_round = 0;
    std::unique_ptr<ConsentStore> m_store;
    std::unique_ptr<VolunteerController> m_controller;
    std::unique_ptr<CountingRole> m_relay;
    std::unique_ptr<CountingRole> m_cache;
};

QTEST_MAIN(TstVolunteerDialog)
#include "tst_volunteerdialog.moc"
