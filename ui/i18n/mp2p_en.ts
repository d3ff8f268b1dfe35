<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mp2p</name>
    <message>
        <location filename="../player/externalplayer.cpp" line="28"/>
        <source>No program is set to open web addresses. Set a player command (for example &quot;mpv&quot;) in Settings, or copy the stream URL into your player.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/externalplayer.cpp" line="35"/>
        <source>The player command &quot;%1&quot; is empty after parsing; set a program such as &quot;mpv&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/externalplayer.cpp" line="49"/>
        <source>Could not start &quot;%1&quot;: is it installed and on the PATH?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::Autostart</name>
    <message>
        <location filename="../settings/autostart.cpp" line="63"/>
        <source>Cannot remove %1. Delete it by hand to stop starting at login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/autostart.cpp" line="69"/>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/autostart.cpp" line="74"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::ContributionView</name>
    <message>
        <location filename="../views/contributionview.cpp" line="18"/>
        <source>Credited (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contributionview.cpp" line="34"/>
        <source>Credit: not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contributionview.cpp" line="37"/>
        <source>Contribution chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contributionview.cpp" line="69"/>
        <source>Credit balance: %1 (%2 overlays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contributionview.cpp" line="75"/>
        <source>Credit: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::DetailsPane</name>
    <message>
        <location filename="../views/detailspane.cpp" line="32"/>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="35"/>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="36"/>
        <source>F&amp;iles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="37"/>
        <source>P&amp;eers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="38"/>
        <source>&amp;Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="39"/>
        <source>Transfer details sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="43"/>
        <source>Transfer details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="49"/>
        <location filename="../views/detailspane.cpp" line="276"/>
        <source>The priority was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="66"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="66"/>
        <source>Saved in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="66"/>
        <source>Info-hash / overlay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="67"/>
        <source>Overlay manager (OMS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="67"/>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="67"/>
        <source>Downloaded / uploaded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="68"/>
        <source>Peers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="68"/>
        <source>Last error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="72"/>
        <source>Pieces:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="83"/>
        <source>Files of the transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="92"/>
        <source>Play the selected file while it downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="101"/>
        <source>Priority: &amp;High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="102"/>
        <source>Priority: &amp;Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="103"/>
        <source>Priority: &amp;Skip (do not download)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="112"/>
        <location filename="../views/detailspane.cpp" line="113"/>
        <source>File actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="129"/>
        <source>Connected peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="144"/>
        <source>Overlay id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="145"/>
        <source>Managed by (OMS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="146"/>
        <source>Swarm (as the OMS sees it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="147"/>
        <source>Peers the OMS lists:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="148"/>
        <source>Last asked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="232"/>
        <source>Select a transfer to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="244"/>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="245"/>
        <source>%1 connected, %2 seeds; downloading from %3, uploading to %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspaneoverlay.cpp" line="28"/>
        <source>The OMS does not know this overlay (a transfer added outside the managed service).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspaneoverlay.cpp" line="30"/>
        <source>The OMS could not be asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detailspaneoverlay.cpp" line="32"/>
        <source>%1 seeds, %2 leechers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/detailspaneoverlay.cpp" line="60"/>
        <source>%n peer(s) besides you</source>
        <translation>
            <numerusform>%n peer besides you</numerusform>
            <numerusform>%n peers besides you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mp2p::FileListModel</name>
    <message>
        <location filename="../models/filelistmodel.cpp" line="69"/>
        <source>This file is no longer part of a running transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="87"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="89"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="90"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="165"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="166"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="167"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="168"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::FirstRunDialog</name>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="21"/>
        <source>Welcome to mp2p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="22"/>
        <source>mp2p shares files through a managed peer-to-peer service. Choose where that service runs. You can change this later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="26"/>
        <source>&amp;Run locally (this machine / LAN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="27"/>
        <source>Run locally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="28"/>
        <source>mp2p starts its own services inside the app: the user directory (who you are), the content index (what can be found), the overlay manager (who has which content) and the activity service, plus a network map for one region. Other computers on your network can use them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="35"/>
        <source>Use a &amp;provider URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="36"/>
        <source>Use a provider URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="39"/>
        <source>Provider URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="44"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="53"/>
        <source>Your identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="54"/>
        <source>created when mp2p first connects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="56"/>
        <source>Your user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="57"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="58"/>
        <source>Copy your user id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::Format</name>
    <message>
        <location filename="../models/format.cpp" line="17"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="25"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="27"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="29"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="30"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::MainWindow</name>
    <message>
        <location filename="../mainwindow.cpp" line="39"/>
        <source>mp2p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="40"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="41"/>
        <source>&amp;Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="42"/>
        <source>Main views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="44"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="45"/>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="46"/>
        <source>Contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="47"/>
        <source>Transfer details and speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="74"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="75"/>
        <source>&amp;Open .torrent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="77"/>
        <source>&amp;Publish a file or folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="81"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="84"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="85"/>
        <source>&amp;Find content…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="88"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="90"/>
        <source>&amp;Volunteer idle resources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="92"/>
        <source>T&amp;ransfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="102"/>
        <source>Provider: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="103"/>
        <source>Provider state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="105"/>
        <source>Total rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="108"/>
        <source>Network region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="111"/>
        <source>Your user id (click to copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="112"/>
        <source>Your user id; click to copy it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="118"/>
        <source>Your credit balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="119"/>
        <location filename="../mainwindowcredit.cpp" line="36"/>
        <source>Credit the provider&apos;s PAMS grants you for uploading; refreshed every minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="130"/>
        <location filename="../mainwindow.cpp" line="186"/>
        <source>Provider: embedded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="130"/>
        <source>No provider URL is set, so the P2PSP services and a one-region UNIS run inside this app at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="134"/>
        <source>Provider: not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="138"/>
        <location filename="../mainwindow.cpp" line="189"/>
        <source>Provider: unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="138"/>
        <source> — retrying in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="158"/>
        <source>Transfer error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="161"/>
        <source>The operation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="164"/>
        <source>Downloading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="168"/>
        <source>Completed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="171"/>
        <source>Region: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="179"/>
        <source>Id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="183"/>
        <location filename="../mainwindow.cpp" line="186"/>
        <source>Provider: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="183"/>
        <source>Logged in at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="187"/>
        <source>The provider answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="189"/>
        <source>The provider does not answer; transfers go on peer-to-peer, and mp2p retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="196"/>
        <source>Ready: logged in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="203"/>
        <source>↓ %1  ↑ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="211"/>
        <location filename="../mainwindowparts.cpp" line="30"/>
        <location filename="../mainwindowparts.cpp" line="76"/>
        <location filename="../mainwindowtorrents.cpp" line="87"/>
        <source>Not connected yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="211"/>
        <source>mp2p is not logged in at the provider yet. Wait until the status bar says connected, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="215"/>
        <source>Starting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="249"/>
        <source>Your user id was copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="30"/>
        <source>Publishing needs a login at the provider. Wait until the status bar says connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="38"/>
        <source>Published; seeding it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="44"/>
        <location filename="../mainwindowparts.cpp" line="66"/>
        <location filename="../mainwindowparts.cpp" line="84"/>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="44"/>
        <source>This build has no publish wizard; use: mp2p publish PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="61"/>
        <source>Settings saved and applied. A new provider or language takes effect at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="66"/>
        <source>This build has no settings dialog; edit %1 instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="76"/>
        <source>Volunteering needs a login at the provider. Wait until the status bar says connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="84"/>
        <source>This build has no volunteer dialog; use: mp2p volunteer --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="103"/>
        <source>The scheduled (alternative) rate limits apply now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="104"/>
        <source>The normal rate limits apply now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="111"/>
        <source>The listen address was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowtorrents.cpp" line="52"/>
        <source>Open .torrent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowtorrents.cpp" line="52"/>
        <source>Torrent files (*.torrent);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../mainwindowtorrents.cpp" line="73"/>
        <source>Cannot open the .torrent file</source>
        <translation>
            <numerusform>Cannot open the .torrent file</numerusform>
            <numerusform>Cannot open the .torrent files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../mainwindowtorrents.cpp" line="75"/>
        <source>Joining %n transfer(s) from .torrent files…</source>
        <translation>
            <numerusform>Joining %n transfer from a .torrent file…</numerusform>
            <numerusform>Joining %n transfers from .torrent files…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../mainwindowtorrents.cpp" line="87"/>
        <source>mp2p is not logged in at the provider yet, so the magnet link cannot be opened. Try again once the status bar says connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowcredit.cpp" line="24"/>
        <source>this provider keeps no credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowcredit.cpp" line="25"/>
        <source>Credit: –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../mainwindowcredit.cpp" line="35"/>
        <source>Credit: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::ManagedPeerPublisher</name>
    <message>
        <location filename="../publish/publisher.cpp" line="26"/>
        <source>The peer has stopped; restart mp2p and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PeerListModel</name>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="110"/>
        <source>Relayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="110"/>
        <source>Direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="111"/>
        <source>incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="111"/>
        <source>outgoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="112"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="114"/>
        <source>, uTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="116"/>
        <source>, encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="147"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="163"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="164"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="165"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="166"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="167"/>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="168"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="169"/>
        <source>Has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="170"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PiecesBar</name>
    <message>
        <location filename="../views/piecesbar.cpp" line="12"/>
        <source>Pieces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/piecesbar.cpp" line="27"/>
        <source>No piece information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/piecesbar.cpp" line="28"/>
        <source>%1 of %2 pieces downloaded, %3 in progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PlayerWindow</name>
    <message>
        <location filename="../player/playerwindow.cpp" line="109"/>
        <source>This peer has no file %1 in transfer %2; it may have been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="112"/>
        <source>%1 — Player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="122"/>
        <source>Buffering the start of the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="134"/>
        <location filename="../player/playerwindow.cpp" line="281"/>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="162"/>
        <source>Buffering more of the file before playing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="166"/>
        <source>Cannot play this file: %1. It may not be a media file this player knows; try &quot;Open in external player&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="167"/>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="201"/>
        <source>Nothing to open: the stream did not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="206"/>
        <source>Opened in the external player. The stream stays available while this peer runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="214"/>
        <source>Stream URL copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="285"/>
        <source>Buffering: waiting for pieces of the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="292"/>
        <source>End of the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="295"/>
        <source>not a media file, or a format this player does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="306"/>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="306"/>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="330"/>
        <source>Downloaded %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="332"/>
        <source>player buffer %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="335"/>
        <source>waited for pieces %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="337"/>
        <source>waiting now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="18"/>
        <source>Player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="19"/>
        <source>Media player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="23"/>
        <source>Playing file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="27"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="32"/>
        <source>Player message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="37"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="39"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="41"/>
        <source>Seek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="42"/>
        <source>Seek (Left/Right: 5 seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="48"/>
        <source>Play or pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="49"/>
        <source>Play or pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="51"/>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="52"/>
        <source>Volume (Up/Down; M mutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="57"/>
        <source>&amp;Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="59"/>
        <source>Open in &amp;external player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="60"/>
        <source>Open in external player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="61"/>
        <source>Hand the stream URL to another player (for example mpv or VLC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="62"/>
        <source>&amp;Copy stream URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="63"/>
        <source>Copy stream URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="64"/>
        <source>Copy the local address of this stream, for any player that can open a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="67"/>
        <source>Buffering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/streamaccess.cpp" line="18"/>
        <source>The peer is not running yet; wait until it is connected and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../player/streamaccess.cpp" line="31"/>
        <source>The local stream server could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PriorityDelegate</name>
    <message>
        <location filename="../views/prioritydelegate.cpp" line="12"/>
        <source>File priority</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PublishDetailsPage</name>
    <message>
        <location filename="../publish/publishpages.cpp" line="125"/>
        <source>Describe it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="126"/>
        <source>This is what people see when they search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="129"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="133"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="137"/>
        <source>Tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="138"/>
        <source>music, live, 2024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="142"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="143"/>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="144"/>
        <source>T&amp;ags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="150"/>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="163"/>
        <source>Enter a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="165"/>
        <source>The title is %1 characters long; use at most 200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="172"/>
        <source>The description is %1 characters long; use at most 5000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="190"/>
        <source>Use at most 32 tags (you have %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="193"/>
        <source>The tag &quot;%1…&quot; is too long; a tag has at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="139"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PublishProgressPage</name>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="18"/>
        <source>Publishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="22"/>
        <source>Publishing status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="24"/>
        <source>Publishing progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="28"/>
        <source>Content id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="30"/>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="31"/>
        <source>Try publishing again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="66"/>
        <source>Hashing %1 and registering it with the provider. Large folders take a while; you can keep using mp2p meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="83"/>
        <source>Published. mp2p is now sharing it; others can find it in search. Content id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="98"/>
        <source>Publishing failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PublishSourcePage</name>
    <message>
        <location filename="../publish/publishpages.cpp" line="49"/>
        <source>What do you want to share?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="50"/>
        <source>Choose one file, or a folder to share with everything in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="51"/>
        <source>A &amp;file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="52"/>
        <source>A f&amp;older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="59"/>
        <source>Path of the file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="60"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="61"/>
        <source>Choose the file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="89"/>
        <source>Nothing exists at this path. Check it or use Browse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="91"/>
        <source>This is a file. Choose &quot;A file&quot; or pick a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="93"/>
        <source>This is a folder. Choose &quot;A folder&quot; or pick a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="95"/>
        <source>You cannot read this. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="97"/>
        <source>This file is empty; there is nothing to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="115"/>
        <source>Folder to share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="115"/>
        <source>File to share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="63"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::PublishWizard</name>
    <message>
        <location filename="../publish/publishwizard.cpp" line="13"/>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../publish/publishwizard.cpp" line="14"/>
        <source>Publish wizard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::SearchResultModel</name>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="122"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="123"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="124"/>
        <source>Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="125"/>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="126"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="127"/>
        <source>Publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="128"/>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::SearchView</name>
    <message>
        <location filename="../views/searchview.cpp" line="24"/>
        <source>&amp;Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="29"/>
        <source>Search the index (title, tags, description)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="30"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="32"/>
        <source>Download the selected result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="33"/>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="39"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="125"/>
        <source>Not connected to the provider yet; the search runs once it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="128"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="134"/>
        <source>The search failed: %1. Check the connection in the status bar and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/searchview.cpp" line="138"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mp2p::SettingsDialog</name>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="29"/>
        <source> KiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="30"/>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="42"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="95"/>
        <source>Provider URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="45"/>
        <source>Service provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="114"/>
        <location filename="../settings/settingsdialog.cpp" line="287"/>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="115"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="116"/>
        <source>Choose the download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="46"/>
        <source>&amp;Download folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="50"/>
        <source>Upload limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="51"/>
        <source>Download limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="52"/>
        <source>&amp;Upload limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="53"/>
        <source>Do&amp;wnload limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="57"/>
        <source>Listen address and port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="58"/>
        <source>The address and port other peers connect to, e.g. 0.0.0.0:6881 (all interfaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="59"/>
        <source>&amp;Listen on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="64"/>
        <source>Start &amp;minimised to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="65"/>
        <source>Start at lo&amp;gin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="66"/>
        <source>Tray:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="71"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="72"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="180"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="275"/>
        <source>The settings could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="91"/>
        <source>Run the services on this &amp;computer (embedded, for this machine and the LAN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="92"/>
        <source>Use a &amp;provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="63"/>
        <source>Closing the window &amp;keeps mp2p running in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="75"/>
        <source>L&amp;anguage (after restart):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="61"/>
        <source>Schedule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="128"/>
        <source>Use &amp;alternative limits between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="129"/>
        <source>Use alternative limits during the scheduled hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="133"/>
        <source>:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="137"/>
        <source>Schedule starts at hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="138"/>
        <source>Schedule ends at hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="139"/>
        <source>Alternative upload limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="140"/>
        <source>Alternative download limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="146"/>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="152"/>
        <source>Upload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="154"/>
        <source>Download:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::SettingsValidator</name>
    <message>
        <location filename="../settings/appsettings.cpp" line="67"/>
        <source>Enter the provider&apos;s address, for example https://p2p.example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="69"/>
        <source>This is not a valid address. Use the form https://host[:port].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="71"/>
        <source>The address must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="78"/>
        <source>Choose a folder for downloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="80"/>
        <source>Use a full path (starting with /), not a relative one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="89"/>
        <source>This folder cannot be created: part of the path is a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="91"/>
        <source>This folder is not writable. Choose one you own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="98"/>
        <source>A limit cannot be negative. Use 0 for unlimited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="100"/>
        <source>A limit above %1 KiB/s is not possible. Use 0 for unlimited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="116"/>
        <source>Use an IP address and a port, such as 0.0.0.0:6881 or [::]:6881.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="118"/>
        <source>The port must be a number from 0 to 65535 (0 picks a free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="125"/>
        <source>Choose a language from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="131"/>
        <source>Hours go from 0 to 23.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="133"/>
        <source>The schedule starts and ends at the same hour. Choose two different hours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::SingleInstance</name>
    <message>
        <location filename="../instance/singleinstance.cpp" line="80"/>
        <source>mp2p is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance/singleinstance.cpp" line="87"/>
        <source>Cannot open the local socket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::SpeedGraph</name>
    <message>
        <location filename="../views/speedgraph.cpp" line="21"/>
        <source>Download (KiB/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/speedgraph.cpp" line="22"/>
        <source>Upload (KiB/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/speedgraph.cpp" line="39"/>
        <source>Speed graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::TransferFilterModel</name>
    <message>
        <location filename="../models/transferfiltermodel.cpp" line="27"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transferfiltermodel.cpp" line="28"/>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transferfiltermodel.cpp" line="29"/>
        <source>Seeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transferfiltermodel.cpp" line="30"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transferfiltermodel.cpp" line="31"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::TransferModel</name>
    <message>
        <location filename="../models/transfermodel.cpp" line="152"/>
        <source>Checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="153"/>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="154"/>
        <source>Seeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="155"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="156"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="200"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="204"/>
        <source>%1 (%2 seeds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="235"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="236"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="237"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="238"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="239"/>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="240"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="241"/>
        <source>ETA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="242"/>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="243"/>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::TransfersView</name>
    <message>
        <location filename="../views/transfersview.cpp" line="26"/>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="27"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="28"/>
        <source>Pause/Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="29"/>
        <source>Re&amp;move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="30"/>
        <source>P&amp;lay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="34"/>
        <source>Transfer filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="42"/>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="53"/>
        <source>Pause the selected transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="54"/>
        <source>Resume the selected transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="59"/>
        <source>Remove the selected transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="64"/>
        <source>Play the transfer&apos;s largest file while it downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="73"/>
        <location filename="../views/transfersview.cpp" line="74"/>
        <source>Transfer actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="144"/>
        <source>Remove transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/transfersview.cpp" line="145"/>
        <source>Remove %n transfer(s)?</source>
        <translation>
            <numerusform>Remove %n transfer?</numerusform>
            <numerusform>Remove %n transfers?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="147"/>
        <source>Remove, keep the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="148"/>
        <source>Remove and delete the files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::TrayController</name>
    <message>
        <location filename="../tray/traycontroller.cpp" line="19"/>
        <source>mp2p tray menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="20"/>
        <location filename="../tray/traycontroller.cpp" line="121"/>
        <source>&amp;Show window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="22"/>
        <source>&amp;Pause all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="23"/>
        <source>&amp;Resume all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="25"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="29"/>
        <source>mp2p: sharing in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="84"/>
        <source>mp2p keeps running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="84"/>
        <source>mp2p is still sharing in the background. Use the tray icon to open it again, or Quit to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="92"/>
        <source>Download complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="92"/>
        <source>%1 has finished downloading and is now being shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="121"/>
        <source>&amp;Hide window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mp2p::VolunteerDialog</name>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="34"/>
        <source>Volunteer idle resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="37"/>
        <source>Nothing is shared until you choose a role below and press &quot;I agree&quot;. You can stop at any moment; stopping takes effect at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="41"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="42"/>
        <source>&amp;Relay Server: forward connections for peers nobody can reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="43"/>
        <source>&amp;Cache Server: keep popular content near its downloaders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="44"/>
        <source>Volunteer as a relay server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="45"/>
        <source>Volunteer as a cache server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="50"/>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="51"/>
        <source> KiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="51"/>
        <source>Upload limit in KiB per second, 0 for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="52"/>
        <location filename="../volunteer/volunteerdialog.cpp" line="55"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="53"/>
        <source> GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="53"/>
        <source>Disk quota for the cache in GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="54"/>
        <source>Most relayed connections at a time, 0 for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="56"/>
        <location filename="../volunteer/volunteerdialog.cpp" line="57"/>
        <source>:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="56"/>
        <source>Volunteer from this hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="57"/>
        <source>Volunteer until this hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="59"/>
        <source>&amp;Upload bandwidth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="60"/>
        <source>&amp;Disk quota (cache):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="61"/>
        <source>&amp;Relayed connections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="62"/>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="63"/>
        <source>&amp;Until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="68"/>
        <source>What will be shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="72"/>
        <source>Volunteering status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="75"/>
        <source>I &amp;agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="76"/>
        <source>&amp;Stop volunteering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="78"/>
        <source>Agree and start volunteering with these limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="79"/>
        <source>Revoke consent and stop every role now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="88"/>
        <source>&lt;b&gt;What will be shared&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="121"/>
        <source>You are not volunteering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="122"/>
        <source>You consented to: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="145"/>
        <source>with no upload limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="146"/>
        <source>at most %1 KiB/s of upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="150"/>
        <source>with no limit on connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../volunteer/volunteerdialog.cpp" line="151"/>
        <source>at most %n connection(s) at a time</source>
        <translation>
            <numerusform>at most %n connection at a time</numerusform>
            <numerusform>at most %n connections at a time</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="152"/>
        <source>As a relay, this computer forwards the BitTorrent connections of other peers that nobody can reach; the provider lists your address as their relay. It uses %1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="157"/>
        <source>As a cache, this computer downloads the content the provider&apos;s OMS assigns to it (overlays with many downloaders near you), keeps at most %1 GiB of it on disk and uploads it to other peers, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="163"/>
        <source>No role is chosen: nothing will be shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="165"/>
        <source>At any hour of the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="166"/>
        <source>Only from %1:00 to %2:00, local time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="167"/>
        <source>Your consent (time, roles, limits) is signed with your key and recorded on this computer and at the provider&apos;s PAMS, which credits the bytes you relay or serve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="179"/>
        <source>&quot;From&quot; and &quot;Until&quot; are the same hour: choose a range of at least one hour (0:00 to 24:00 means always).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="194"/>
        <source>Could not record your choice for the %1 role: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
