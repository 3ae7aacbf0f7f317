import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client';
import type { Session } from '../api/types';
import type { ActivityDescriptor, DescriptorIndex } from '../model/descriptors';

export interface AppServices {
  api: ApiClient;
  session: Session;
  descriptors: DescriptorIndex;
  allDescriptors: ActivityDescriptor[];
  hidden: ReadonlySet<string>;
  notify: (message: string, tone?: 'info' | 'error') => void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside the signed-in app');
  return services;
}
