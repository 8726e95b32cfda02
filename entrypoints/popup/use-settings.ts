import { useEffect, useState } from 'preact/hooks';
import { getSettings, settingsItem, type Settings } from '@/lib/settings';
import { sendMessage } from '@/lib/messages';

/**
 * Yidu's settings for the popup's controls, kept in step with storage (a change made by the shortcut or
 * another screen while the popup is open shows at once). `update` stores a change and returns it.
 */
export function useSettings(): [Settings | undefined, (change: Partial<Settings>) => Promise<Settings>] {
  const [settings, setSettings] = useState<Settings | undefined>();
  useEffect(() => {
    void getSettings().then(setSettings);
    return settingsItem.watch(() => void getSettings().then(setSettings));
  }, []);
  const update = async (change: Partial<Settings>) => {
    // Written by the background, which outlives the popup (lib/messages.ts).
    const next = await sendMessage('updateSettings', change);
    setSettings(next);
    return next;
  };
  return [settings, update];
}
