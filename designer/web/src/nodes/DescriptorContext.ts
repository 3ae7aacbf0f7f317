import { createContext } from 'react';
import type { DescriptorIndex } from '../model/descriptors';

/** The activity descriptors, for nodes to draw their outcomes; set once per signed-in session. */
export const DescriptorContext = createContext<DescriptorIndex>(new Map());
