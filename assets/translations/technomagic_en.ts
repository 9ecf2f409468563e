<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
  <context>
    <name>Game</name>
    <message numerus="yes">
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/presenter.py" />
      <location filename="../../game/ui/round_end.py" />
      <location filename="../../game/ui/screens.py" />
      <location filename="../../game/ui/transfer.py" />
      <source>%n ideas</source>
      <translation>
        <numerusform>%Ln idea</numerusform>
        <numerusform>%Ln ideas</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../game/ui/screens.py" />
      <source>%n dots</source>
      <translation>
        <numerusform>%Ln dot</numerusform>
        <numerusform>%Ln dots</numerusform>
      </translation>
    </message>
  </context>
</TS>
